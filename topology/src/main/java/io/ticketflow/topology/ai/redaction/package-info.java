/**
 * Removal of personal data from ticket text before any model call: {@link
 * io.ticketflow.topology.ai.redaction.PiiRedactor}, configured by {@link
 * io.ticketflow.topology.ai.redaction.RedactionSettings}. Redaction applies to what a model sees; the pipeline keeps
 * the original text.
 */
package io.ticketflow.topology.ai.redaction;

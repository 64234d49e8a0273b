/**
 * Implementation of the test kit: broker configuration, storage and ports; unique names; the ticket catalogue and the
 * rewriting of ticket text. Not API: anything here may change without notice.
 */
package io.ticketflow.testkit.internal;

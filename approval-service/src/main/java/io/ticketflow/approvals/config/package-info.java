/** The service's settings ({@code ticketflow.*}): typed, validated records with documented defaults. */
package io.ticketflow.approvals.config;

/**
 * The one-command local run of ticketflow: a real KRaft broker, the topics, the topology and a stream of sample
 * tickets, with a running summary, until Ctrl-C.
 */
package io.ticketflow.localstack;

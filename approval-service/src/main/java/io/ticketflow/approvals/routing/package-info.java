/**
 * Reads with several instances: each instance advertises its HTTP address through Kafka Streams'
 * {@code application.server}; a read of one key is answered by the owner of the key's partition (forwarded there when
 * it is another instance), and a listing gathers every instance's local page and merges them. Forwarded requests are
 * marked so that they are answered where they arrive, never forwarded again.
 */
package io.ticketflow.approvals.routing;

/**
 * Security: an OAuth2 resource server accepting JWTs on every endpoint but health (and the static reviewer page and
 * the OpenAPI document, which hold no data); roles from the token's {@code roles} claim; the development issuer.
 */
package io.ticketflow.approvals.security;

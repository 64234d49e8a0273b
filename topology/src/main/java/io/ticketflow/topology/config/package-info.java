/**
 * The topology's settings: one typed, validated tree under {@code ticketflow.*}. Every setting has its default here,
 * in the record that holds it; a value out of range fails start-up with a message naming the setting.
 */
package io.ticketflow.topology.config;

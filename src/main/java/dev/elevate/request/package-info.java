/**
 * What a person asks for: the access request, its state machine, the rules its input must
 * follow, and the use cases of submitting, cancelling and timing out.
 */
package dev.elevate.request;

/**
 * Every page, form and API resource, and the one place that maps errors to pages and problem
 * responses. Domain packages know nothing of HTTP; this one turns calls into use cases.
 */
package dev.elevate.web;

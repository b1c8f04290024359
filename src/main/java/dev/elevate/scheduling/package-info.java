/**
 * Thin Quartz jobs that call services and nothing more, the one place that schedules them,
 * and the clock every time-based rule reads.
 */
package dev.elevate.scheduling;

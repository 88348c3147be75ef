package org.mapwork.model;

/** A point in map coordinates (pixels at 100 % zoom, y grows downwards). */
public record Point(double x, double y) {
}

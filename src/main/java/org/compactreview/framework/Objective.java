package org.compactreview.framework;

import java.util.List;

/** One objective of the framework, with the SDG targets it links to. */
public record Objective(int number, String shortTitle, String title, List<String> sdgTargets) {}

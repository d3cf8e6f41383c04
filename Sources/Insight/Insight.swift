// Insight module

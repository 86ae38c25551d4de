// Moved to checks/data/residency.ts (data has a folder of its own). This re-export stays only while
// src/ and e2e/ (owned by another change) import the old path.
export * from '../data/residency';

// Moved to checks/testing/api-server.ts with the other test support. This re-export stays only
// while src/utils/check-api.test.ts (owned by another change) imports the old path.
export * from '../testing/api-server';

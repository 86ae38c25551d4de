// The strict document parser lives in checks/core/json-parse.ts (the one positioned-JSON module).
// This re-export stays only while checks/cli/commands/all.ts (owned by another change) imports it.
export { parseJsonDocument } from '../core/json-parse';

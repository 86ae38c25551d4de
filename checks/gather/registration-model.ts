// Moved to checks/computed/registration-model.ts (it is a model, not I/O). This re-export stays
// only while checks/cli/commands/all.ts (owned by another change) imports the old path.
export { buildRegistrationEvidence, isGuid, type AzureRegistrationEvidence } from '../computed/registration-model';

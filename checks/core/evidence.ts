/**
 * Extension points of the engine, filled in by declaration merging from each gatherer and
 * suite module. Keeping them empty here lets every suite own its own types.
 */

// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface EvidenceMap {}

export type EvidenceId = keyof EvidenceMap & string;

/**
 * Inputs of a run. Each suite adds the fields it reads (url, appId, manifest text, ...).
 * Secrets never go here: credential-based commands read them separately and never report them.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface CheckInput {}

import type { AnyCheck } from './define-check';
import type { SuiteDefinition } from './suite';
import type { SuiteName } from './types';
import { endpointSuite } from '../suites/endpoint';
import { manifestSuite } from '../suites/manifest';
import { registrationSuite } from '../suites/registration';
import { egressSuite } from '../suites/egress';
import { residencySuite } from '../suites/residency';
import { credentialsSuite } from '../suites/credentials';

/** Every suite, in catalogue order. Node-only (the endpoint, egress and credentials suites use node: modules). */
export const suites: Readonly<Record<SuiteName, SuiteDefinition>> = {
  endpoint: endpointSuite,
  manifest: manifestSuite,
  registration: registrationSuite,
  egress: egressSuite,
  residency: residencySuite,
  credentials: credentialsSuite,
};

/** Every registered check in catalogue order. Ids are unique across suites (a test holds it). */
export const allChecks: readonly AnyCheck[] = Object.values(suites).flatMap((s) => s.checks);

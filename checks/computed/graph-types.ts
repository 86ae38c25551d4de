/**
 * What is read from the bot's Microsoft Graph app registration (types only, so verdicts and
 * rules import them without pulling in the Node I/O module gather/graph-application.ts).
 */

export interface AppCredential {
  kind: 'secret' | 'certificate';
  keyId?: string;
  displayName?: string;
  startDateTime?: string;
  endDateTime?: string;
}

export interface GraphApplication {
  id?: string;
  appId?: string;
  displayName?: string;
  signInAudience?: string;
  credentials: AppCredential[];
}

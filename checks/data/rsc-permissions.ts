/**
 * Resource-specific consent (RSC) permissions a Teams app can request in its manifest, with what
 * each lets the app (and its bot) read or do. Compliance reviewers ask exactly this question.
 *
 * Names and types follow Microsoft Learn "Resource-specific consent for your Teams app"
 * (msteams-docs graph-api/rsc/resource-specific-consent.md, ms.date 2025-02-20); the descriptions
 * are ours. RSC is granted by a team owner, chat member or user for one team, chat/meeting or
 * user only, not tenant-wide. Add-ins in the unified manifest for Microsoft 365 declare their API
 * permission level (MailboxItem.*.User, Mailbox.*.User, Document.*.User) in the same array; those
 * rows follow the Office Add-ins docs (Outlook add-in permissions; permissions for content and
 * task pane add-ins). The schemas do not enumerate RSC names, so this list is the docs'. Application RSC arrived with manifest v1.6 (in
 * webApplicationInfo.applicationPermissions), delegated RSC with v1.12 (in
 * authorization.permissions.resourceSpecific).
 */

export type RscType = 'Application' | 'Delegated';
export type RscScope = 'team' | 'chat' | 'user';

export interface RscPermission {
  name: string;
  type: RscType;
  /** What the consent is given for: one team, one chat or meeting, or one user. */
  scope: RscScope;
  /** What the permission lets the app read or do, in plain words. */
  grants: string;
  /** Reads message, meeting or media content (the first thing a compliance review looks for). */
  readsContent: boolean;
  source: string;
}

export const RSC_SOURCE = 'https://learn.microsoft.com/microsoftteams/platform/graph-api/rsc/resource-specific-consent';
const OUTLOOK_ADDIN_SOURCE = 'https://learn.microsoft.com/office/dev/add-ins/outlook/understanding-outlook-add-in-permissions';
const OFFICE_ADDIN_SOURCE = 'https://learn.microsoft.com/office/dev/add-ins/develop/requesting-permissions-for-api-use-in-content-and-task-pane-add-ins';
const CHANNEL_MESSAGES_SOURCE = 'https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/channel-messages-with-rsc';

type Row = [name: string, type: RscType, scope: RscScope, grants: string, readsContent?: boolean, source?: string];

const ROWS: Row[] = [
  // Team (application)
  ['Channel.Create.Group', 'Application', 'team', 'Create channels in the team.'],
  ['Channel.Delete.Group', 'Application', 'team', 'Delete channels in the team.'],
  ['ChannelSettings.Read.Group', 'Application', 'team', 'Read the names, descriptions and settings of the team\'s channels.'],
  ['ChannelSettings.ReadWrite.Group', 'Application', 'team', 'Read and change the names, descriptions and settings of the team\'s channels.'],
  ['ChannelMeeting.ReadBasic.Group', 'Application', 'team', 'Read basic properties of channel meetings in the team (such as subject and times).'],
  ['ChannelMeetingParticipant.Read.Group', 'Application', 'team', 'Read who takes part in the team\'s channel meetings.'],
  ['ChannelMeetingRecording.Read.Group', 'Application', 'team', 'Read the recordings of the team\'s channel meetings.', true],
  ['ChannelMeetingTranscript.Read.Group', 'Application', 'team', 'Read the transcripts of the team\'s channel meetings.', true],
  ['ChannelMeetingNotification.Send.Group', 'Application', 'team', 'Send notifications inside the team\'s channel meetings.'],
  ['ChannelMessage.Read.Group', 'Application', 'team', 'Read every message in the team\'s channels through Microsoft Graph, and let the bot receive all channel messages without being @mentioned.', true, CHANNEL_MESSAGES_SOURCE],
  ['ChannelMessage.Send.Group', 'Application', 'team', 'Post messages to the team\'s channels.'],
  ['TeamMember.Read.Group', 'Application', 'team', 'Read the team\'s member list.'],
  ['TeamSettings.Read.Group', 'Application', 'team', 'Read the team\'s settings.'],
  ['TeamSettings.ReadWrite.Group', 'Application', 'team', 'Read and change the team\'s settings.'],
  ['TeamsAppInstallation.Read.Group', 'Application', 'team', 'Read which apps are installed in the team.'],
  ['TeamsActivity.Send.Group', 'Application', 'team', 'Send activity-feed notifications to the team\'s members (a basic permission that is always consented).'],
  ['TeamsTab.Create.Group', 'Application', 'team', 'Add tabs to the team\'s channels.'],
  ['TeamsTab.Delete.Group', 'Application', 'team', 'Remove tabs from the team\'s channels.'],
  ['TeamsTab.Read.Group', 'Application', 'team', 'Read the tabs in the team\'s channels.'],
  ['TeamsTab.ReadWrite.Group', 'Application', 'team', 'Read and change the tabs in the team\'s channels.'],
  // Team (delegated)
  ['ChannelMeetingActiveSpeaker.Read.Group', 'Delegated', 'team', 'Read who is currently speaking in the team\'s channel meetings, on behalf of the signed-in user.'],
  ['ChannelMeetingAudioVideo.Stream.Group', 'Delegated', 'team', 'Stream audio and video content of the team\'s channel meetings, on behalf of the signed-in user.', true],
  ['ChannelMeetingIncomingAudio.Detect.Group', 'Delegated', 'team', 'Detect incoming audio in the team\'s channel meetings, on behalf of the signed-in user.'],
  ['ChannelMeetingStage.Write.Group', 'Delegated', 'team', 'Show content on the meeting stage of the team\'s channel meetings, on behalf of the signed-in user.'],
  ['InAppPurchase.Allow.Group', 'Delegated', 'team', 'Show offers and let the team\'s members make purchases inside the app.'],
  ['LiveShareSession.ReadWrite.Group', 'Delegated', 'team', 'Create and sync Live Share sessions in the team\'s meetings, on behalf of the signed-in user.'],
  ['MeetingParticipantReaction.Read.Group', 'Delegated', 'team', 'Read participants\' reactions in the team\'s channel meetings, on behalf of the signed-in user.'],
  // Chat or meeting (application)
  ['Calls.AccessMedia.Chat', 'Application', 'chat', 'Access the media streams of calls in the chat or meeting.', true],
  ['Calls.JoinGroupCalls.Chat', 'Application', 'chat', 'Join calls in the chat or meeting.'],
  ['ChatSettings.Read.Chat', 'Application', 'chat', 'Read the chat\'s settings.'],
  ['ChatSettings.ReadWrite.Chat', 'Application', 'chat', 'Read and change the chat\'s settings.'],
  ['ChatMessage.Read.Chat', 'Application', 'chat', 'Read every message in the chat through Microsoft Graph, and let the bot receive all chat messages without being @mentioned.', true],
  ['ChatMessageReadReceipt.Read.Chat', 'Application', 'chat', 'Read which message each member of the chat has read up to (read receipts); the only chat RSC permission usable in personal scope.'],
  ['ChatMember.Read.Chat', 'Application', 'chat', 'Read the chat\'s member list.'],
  ['Chat.Manage.Chat', 'Application', 'chat', 'Manage the chat: its settings, members, tabs and apps.'],
  ['TeamsTab.Read.Chat', 'Application', 'chat', 'Read the chat\'s tabs.'],
  ['TeamsTab.Create.Chat', 'Application', 'chat', 'Add tabs to the chat.'],
  ['TeamsTab.Delete.Chat', 'Application', 'chat', 'Remove tabs from the chat.'],
  ['TeamsTab.ReadWrite.Chat', 'Application', 'chat', 'Read and change the chat\'s tabs.'],
  ['TeamsAppInstallation.Read.Chat', 'Application', 'chat', 'Read which apps are installed in the chat.'],
  ['TeamsActivity.Send.Chat', 'Application', 'chat', 'Send activity-feed notifications to the chat\'s members (a basic permission that is always consented).'],
  ['OnlineMeeting.ReadBasic.Chat', 'Application', 'chat', 'Read basic properties of the meeting linked to the chat (such as subject and times).'],
  ['OnlineMeetingTranscript.Read.Chat', 'Application', 'chat', 'Read the transcripts of the meeting linked to the chat.', true],
  ['OnlineMeetingRecording.Read.Chat', 'Application', 'chat', 'Read the recordings of the meeting linked to the chat.', true],
  ['OnlineMeetingNotification.Send.Chat', 'Application', 'chat', 'Send notifications inside the meeting linked to the chat.'],
  ['OnlineMeetingParticipant.Read.Chat', 'Application', 'chat', 'Read who takes part in the meeting linked to the chat (also available as a delegated permission).'],
  // Chat or meeting (delegated)
  ['InAppPurchase.Allow.Chat', 'Delegated', 'chat', 'Show offers and let the chat\'s members make purchases inside the app.'],
  ['LiveShareSession.ReadWrite.Chat', 'Delegated', 'chat', 'Create and sync Live Share sessions in the chat\'s meeting, on behalf of the signed-in user.'],
  ['MeetingStage.Write.Chat', 'Delegated', 'chat', 'Show content on the meeting stage, on behalf of the signed-in user.'],
  ['MeetingParticipantReaction.Read.Chat', 'Delegated', 'chat', 'Read participants\' reactions in the meeting, on behalf of the signed-in user.'],
  ['OnlineMeetingIncomingAudio.Detect.Chat', 'Delegated', 'chat', 'Detect incoming audio in the meeting, on behalf of the signed-in user.'],
  ['OnlineMeetingActiveSpeaker.Read.Chat', 'Delegated', 'chat', 'Read who is currently speaking in the meeting, on behalf of the signed-in user.'],
  ['OnlineMeetingAudioVideo.Stream.Chat', 'Delegated', 'chat', 'Stream the meeting\'s audio and video content, on behalf of the signed-in user.', true],
  ['OnlineMeetingParticipant.ToggleIncomingAudio.Chat', 'Delegated', 'chat', 'Mute or unmute participants\' incoming audio in the meeting, on behalf of the signed-in user.'],
  // User
  ['CameraStream.Read.User', 'Delegated', 'user', 'Read the user\'s camera stream.', true],
  ['InAppPurchase.Allow.User', 'Delegated', 'user', 'Show offers and let the user make purchases inside the app.'],
  ['MicrophoneStream.Read.User', 'Delegated', 'user', 'Read the user\'s microphone stream.', true],
  ['MeetingParticipantReaction.Read.User', 'Delegated', 'user', 'Read the user\'s reactions in meetings.'],
  ['OutgoingVideoStream.Write.User', 'Delegated', 'user', 'Change the user\'s outgoing video stream (for example to apply effects).'],
  ['TeamsActivity.Send.User', 'Application', 'user', 'Send activity-feed notifications to the user (a basic permission that is always consented).'],
  ['TeamsAppInstallation.Read.User', 'Application', 'user', 'Read which apps the user has installed.'],
  // Add-ins in the unified manifest for Microsoft 365 (Outlook, then Word, Excel and PowerPoint):
  // the add-in's API permission level, declared in the same resourceSpecific array.
  ['MailboxItem.Restricted.User', 'Delegated', 'user', 'Outlook add-in: use the parts of the API that reveal nothing about the user or the mail item.', false, OUTLOOK_ADDIN_SOURCE],
  ['MailboxItem.Read.User', 'Delegated', 'user', 'Outlook add-in: read the properties of the mail or appointment the user has open, and write custom properties.', true, OUTLOOK_ADDIN_SOURCE],
  ['MailboxItem.ReadWrite.User', 'Delegated', 'user', 'Outlook add-in: read and change the mail or appointment the user has open.', true, OUTLOOK_ADDIN_SOURCE],
  ['Mailbox.ReadWrite.User', 'Delegated', 'user', 'Outlook add-in: read and change any item in the user\'s mailbox.', true, OUTLOOK_ADDIN_SOURCE],
  ['Mailbox.AppendOnSend.User', 'Delegated', 'user', 'Outlook add-in: add text to a message or appointment as it is sent (append-on-send).', false, OUTLOOK_ADDIN_SOURCE],
  ['Document.Restricted.User', 'Delegated', 'user', 'Office add-in: use only the parts of the API that do not touch the document.', false, OFFICE_ADDIN_SOURCE],
  ['Document.Read.User', 'Delegated', 'user', 'Office add-in: read the document the user has open (its selection and content).', true, OFFICE_ADDIN_SOURCE],
  ['Document.ReadAll.User', 'Delegated', 'user', 'Office add-in: read the whole document the user has open, in every format.', true, OFFICE_ADDIN_SOURCE],
  ['Document.Write.User', 'Delegated', 'user', 'Office add-in: write to the document the user has open, without reading it.', false, OFFICE_ADDIN_SOURCE],
  ['Document.ReadWrite.User', 'Delegated', 'user', 'Office add-in: read and write the document the user has open.', true, OFFICE_ADDIN_SOURCE],
];

export const RSC_PERMISSIONS: readonly RscPermission[] = ROWS.map(([name, type, scope, grants, readsContent = false, source = RSC_SOURCE]) => ({ name, type, scope, grants, readsContent, source }));

/** OnlineMeetingParticipant.Read.Chat is listed both as application and delegated. */
const DUAL_TYPE = new Set(['OnlineMeetingParticipant.Read.Chat']);

const BY_NAME = new Map(RSC_PERMISSIONS.map((p) => [p.name.toLowerCase(), p]));

/** Looks a permission up by name (case-insensitive, as names are compared by people). */
export function findRscPermission(name: string): RscPermission | undefined {
  return BY_NAME.get(name.trim().toLowerCase());
}

/** Whether a permission may be requested with this type. */
export function rscTypeMatches(p: RscPermission, type: string): boolean {
  return p.type === type || (DUAL_TYPE.has(p.name) && (type === 'Application' || type === 'Delegated'));
}

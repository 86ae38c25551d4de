import { describe, expect, it } from 'vitest';
import { withoutLeadingPath } from './findings';

describe('withoutLeadingPath', () => {
  it.each([
    ['/bots/0/scopes/1 must be one of: "team"', '/bots/0/scopes/1', 'must be one of: "team"'],
    ['/bots/0: must have botId', '/bots/0', 'must have botId'],
    ['bots[0] uses the scope "groupchat"', '/bots/0/scopes/1', 'bots[0] uses the scope "groupchat"'],
    ['no path here', undefined, 'no path here'],
    ['/a', '/a', '/a'],
  ])('%s', (message, path, shown) => {
    expect(withoutLeadingPath(message, path)).toBe(shown);
  });
});

import type { RegisterCommand } from '../command';
import { UsageError } from '../usage-error';

/**
 * `serve` in the single file (`npm run build:single`), which leaves the server out: it is meant
 * for a bot host, and the site it would serve ships with the package, not with the file.
 */
const register: RegisterCommand = (program) => {
  program
    .command('serve')
    .description('not in this single file: the docs site and check API come with the botflow package')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new UsageError('serve is not part of the single file: the docs site and the check API ship with the botflow package. Build it with "npm run pack:cli", install it with "npm install -g ./botflow-<version>.tgz", then run "botflow serve".');
    });
};
export default register;

import type { RegisterCommand } from '../command';

/** `botflow endpoint`: registered by its suite (work in progress). */
const register: RegisterCommand = () => {};
export default register;

import type { RegisterCommand } from '../command';

/** `botflow registration`: registered by its suite (work in progress). */
const register: RegisterCommand = () => {};
export default register;

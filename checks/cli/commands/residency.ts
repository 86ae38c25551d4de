import type { RegisterCommand } from '../command';

/** `botflow residency`: registered by its suite (work in progress). */
const register: RegisterCommand = () => {};
export default register;

import type { RegisterCommand } from '../command';

/** `botflow serve`: registered by its suite (work in progress). */
const register: RegisterCommand = () => {};
export default register;

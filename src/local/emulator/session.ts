/** Session: the user running the script, the script's time zone and the user's locale. */
import { Service, asGas, countCalls } from './calls';
import type { EmulatorContext } from './context';
import { TOKYO } from './dates';

const USER_METHODS = ['getEmail'] as const satisfies readonly (keyof GoogleAppsScript.Base.User)[];

export class EmuUser extends Service implements Pick<GoogleAppsScript.Base.User, (typeof USER_METHODS)[number]> {
  constructor(
    ctx: EmulatorContext,
    private readonly email: string,
  ) {
    super(ctx);
  }

  getEmail(): string {
    return this.email;
  }
}
countCalls(EmuUser, 'User', USER_METHODS);

const SESSION_METHODS = [
  'getActiveUser',
  'getActiveUserLocale',
  'getEffectiveUser',
  'getScriptTimeZone',
  'getTemporaryActiveUserKey',
] as const satisfies readonly (keyof GoogleAppsScript.Base.Session)[];

export class EmuSession
  extends Service
  implements Pick<GoogleAppsScript.Base.Session, (typeof SESSION_METHODS)[number]>
{
  getActiveUser(): GoogleAppsScript.Base.User {
    return asGas(new EmuUser(this.ctx, this.ctx.userEmail));
  }

  // real-sheets-checklist RS-26
  getActiveUserLocale(): string {
    return 'ja';
  }

  /** An add-on runs as the user who uses it. */
  getEffectiveUser(): GoogleAppsScript.Base.User {
    return asGas(new EmuUser(this.ctx, this.ctx.userEmail));
  }

  // real-sheets-checklist RS-26
  getScriptTimeZone(): string {
    return TOKYO;
  }

  getTemporaryActiveUserKey(): string {
    return 'tsunagu-emulator-temporary-user-key';
  }
}
countCalls(EmuSession, 'Session', SESSION_METHODS);

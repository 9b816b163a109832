import { SetMetadata } from '@nestjs/common';
import { AccessAction } from '@toc/runtime';

export const LOGGED = 'toc:logged';

export interface LoggedRoute {
  readonly action: AccessAction;
  /** The route parameter that names whom or what the access is about. */
  readonly target?: string;
}

/** Every call of the route goes into the access log as `action`, whether it succeeds or not. */
export const Logged = (action: AccessAction, target?: string) => SetMetadata(LOGGED, { action, target } satisfies LoggedRoute);

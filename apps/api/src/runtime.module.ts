import { DynamicModule, Global, Module, ValueProvider } from '@nestjs/common';
import { CommandService } from '@toc/event-store';
import { IndicatorReader, ProjectionRunner } from '@toc/read-models';
import { ApiKeyStore, Runtime } from '@toc/runtime';
import { JWT_VERIFIER } from './auth/auth.guard';

/** The service clock; tests replace it to pin "now". */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now() {
    return new Date();
  }
}

/** Injection tokens of the parts that are types rather than classes: `@Inject(EVENT_STORE) events: AuditableEventStore`. */
export const APP_CONFIG = Symbol('AppConfig');
export const EVENT_STORE = Symbol('AuditableEventStore');

/** Makes each part of the opened runtime injectable on its own, so that a controller names what it uses. */
@Global()
@Module({})
export class RuntimeModule {
  static forRoot(runtime: Runtime, clock: Clock = new SystemClock()): DynamicModule {
    const providers: ValueProvider[] = [
      { provide: APP_CONFIG, useValue: runtime.config },
      { provide: EVENT_STORE, useValue: runtime.events },
      { provide: CommandService, useValue: runtime.commands },
      { provide: ProjectionRunner, useValue: runtime.projector },
      { provide: IndicatorReader, useValue: runtime.indicators },
      { provide: Clock, useValue: clock },
      { provide: ApiKeyStore, useValue: runtime.keys },
      { provide: JWT_VERIFIER, useValue: runtime.jwt },
    ];
    return { module: RuntimeModule, providers, exports: providers.map((provider) => provider.provide) };
  }
}

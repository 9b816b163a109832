import { DynamicModule, Global, Module } from '@nestjs/common';
import { Runtime } from '@toc/runtime';

/** The service clock; tests replace it to pin "now". */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now() {
    return new Date();
  }
}

/** Makes the opened stores and runners injectable everywhere. */
@Global()
@Module({})
export class RuntimeModule {
  static forRoot(runtime: Runtime, clock: Clock = new SystemClock()): DynamicModule {
    return {
      module: RuntimeModule,
      providers: [
        { provide: Runtime, useValue: runtime },
        { provide: Clock, useValue: clock },
      ],
      exports: [Runtime, Clock],
    };
  }
}

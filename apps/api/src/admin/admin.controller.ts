import { ConflictException, Controller, Delete, Get, HttpCode, Inject, NotFoundException, Param, Post, Query, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { IntegrityVerifier, parseChainLink } from '@toc/event-store';
import { ProjectionRunner } from '@toc/read-models';
import { AppConfig } from '@toc/runtime';
import { APP_CONFIG, EVENT_STORE } from '../runtime.module';
import { IntegrityQueryDto } from './integrity.dto';
import { Allow, Public } from '../auth/allow';
import { Logged } from '../access-log/logged';

@ApiTags('admin')
@Controller()
@Allow('admin')
export class AdminController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly events: IntegrityVerifier,
    private readonly projector: ProjectionRunner,
  ) {}

  @Get('health')
  @Public()
  @ApiOperation({ summary: 'Liveness and projection health: 503 when a projection failed or lags too far behind' })
  async health() {
    const projection = await this.projector.statusView();
    const problems = [
      ...(projection.state === 'failed' ? [`projection ${projection.name} failed: ${projection.lastError?.message}`] : []),
      ...(projection.lagEvents > this.config.maxProjectionLagEvents
        ? [`projection ${projection.name} is ${projection.lagEvents} events behind (limit ${this.config.maxProjectionLagEvents})`]
        : []),
    ];
    const body = { status: problems.length ? 'unhealthy' : 'ok', problems, projections: [projection] };
    if (problems.length) throw new ServiceUnavailableException(body);
    return body;
  }

  @Get('v1/admin/projections')
  @ApiOperation({ summary: 'Projection status: version, build, checkpoint, head, lag, state, last error, rebuild progress' })
  async projections() {
    return [await this.projector.statusView()];
  }

  @Post('v1/admin/projections/:name/rebuild')
  @Logged('rebuild-projection', 'name')
  @HttpCode(202)
  @ApiOperation({ summary: 'Rebuild blue/green: the new build fills beside the live one, readers switch when it has caught up' })
  async rebuild(@Param('name') name: string) {
    return { ...(await this.runningHere(name).startRebuild()), status: await this.projector.statusView() };
  }

  @Delete('v1/admin/projections/:name/rebuild')
  @Logged('cancel-rebuild', 'name')
  @ApiOperation({ summary: 'Cancel a running rebuild; the live build keeps serving' })
  async cancel(@Param('name') name: string) {
    return { cancelled: await this.runningHere(name).cancelRebuild() };
  }

  @Post('v1/admin/projections/:name/restart')
  @Logged('restart-projection', 'name')
  @HttpCode(202)
  @ApiOperation({ summary: 'Clear a failure and resume from the stored checkpoint (after a fix)' })
  async restart(@Param('name') name: string) {
    await this.runningHere(name).restart();
    return this.projector.statusView();
  }

  @Get('v1/admin/integrity')
  @ApiOperation({
    summary: "Verify the event store's hash chain; reports the first broken link, the head to keep elsewhere, and whether the chain still passes through a given anchor",
  })
  async integrity(@Query() query: IntegrityQueryDto) {
    return this.events.verifyIntegrity(query.anchor === undefined ? undefined : parseChainLink(query.anchor)!);
  }

  /** The projection of that name, when this process runs it. */
  private runningHere(name: string) {
    if (name !== this.projector.name) throw new NotFoundException({ statusCode: 404, message: [`projection ${name} does not exist`] });
    if (!this.config.embeddedProjector) {
      throw new ConflictException({ statusCode: 409, message: [`projection ${name} runs in the projector process, not in this api (EMBEDDED_PROJECTOR=false)`] });
    }
    return this.projector;
  }
}

import { ConflictException, Controller, Delete, Get, HttpCode, Inject, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { parseChainLink } from '@toc/event-store';
import { LeaseNotHeldError, ProjectionRunner } from '@toc/read-models';
import { AppConfig, VerifiableEventStore, verifyEventStore } from '@toc/runtime';
import { APP_CONFIG, EVENT_STORE } from '../runtime.module';
import { IntegrityQueryDto } from './integrity.dto';
import { Allow } from '../auth/allow';
import { Logged } from '../access-log/logged';

@ApiTags('admin')
@Controller()
@Allow('admin')
export class AdminController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly events: VerifiableEventStore,
    private readonly projector: ProjectionRunner,
  ) {}

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
    return { ...(await this.control(name, (projector) => projector.startRebuild())), status: await this.projector.statusView() };
  }

  @Delete('v1/admin/projections/:name/rebuild')
  @Logged('cancel-rebuild', 'name')
  @ApiOperation({ summary: 'Cancel a running rebuild; the live build keeps serving' })
  async cancel(@Param('name') name: string) {
    return { cancelled: await this.control(name, (projector) => projector.cancelRebuild()) };
  }

  @Post('v1/admin/projections/:name/restart')
  @Logged('restart-projection', 'name')
  @HttpCode(202)
  @ApiOperation({ summary: 'Clear a failure and resume from the stored checkpoint (after a fix)' })
  async restart(@Param('name') name: string) {
    await this.control(name, (projector) => projector.restart());
    return this.projector.statusView();
  }

  @Get('v1/admin/integrity')
  @ApiOperation({
    summary:
      "Verify the event store: SQLite's check of its file, the hash chain, removed newest events, and that the chain passes through the anchor given " +
      '(else the newest in ANCHOR_FILE) with no later event recorded before it. 200 with ok: false naming what failed; the store then refuses writes',
  })
  async integrity(@Query() query: IntegrityQueryDto) {
    return verifyEventStore(this.events, this.config.anchors.file, query.anchor === undefined ? undefined : parseChainLink(query.anchor)!);
  }

  /** Acts on the projection of that name when this process runs it: it holds the projection's lease. */
  private async control<T>(name: string, act: (projector: ProjectionRunner) => Promise<T>): Promise<T> {
    if (name !== this.projector.name) throw new NotFoundException({ statusCode: 404, message: [`projection ${name} does not exist`] });
    if (!this.config.embeddedProjector) {
      throw new ConflictException({ statusCode: 409, message: [`projection ${name} runs in the projector process, not in this api (EMBEDDED_PROJECTOR=false)`] });
    }
    try {
      return await act(this.projector);
    } catch (error) {
      if (error instanceof LeaseNotHeldError) throw new ConflictException({ statusCode: 409, message: [`projection ${name} is run by another process: ${error.message}`] });
      throw error;
    }
  }
}

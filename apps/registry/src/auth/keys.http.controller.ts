import { Body, Controller, Inject, Delete, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { ApiKeysService } from './api-keys.service';
import { IssueKeyRequestDto } from './issue-key.request.dto';
import { IssuedKeyDto, KeyListDto } from './key.response.dto';
import { Principal } from './principal.decorator';
import { ApiProblemResponses } from '../shared-dto/problem.dto';
import { RequireRoles } from './roles.decorator';
import type { AuthPrincipal } from './roles';

@ApiTags('keys')
@RequireRoles('admin')
@Controller('v1/keys')
export class KeysController {
  constructor(@Inject(ApiKeysService) private readonly keys: ApiKeysService) {}

  @Post()
  @HttpCode(201)
  @Header('cache-control', 'no-store')
  @ApiOperation({
    summary: 'Issue an API key',
    description: 'Returns the key once; the registry keeps only its SHA-256. A revoked name may be issued again.',
  })
  // Naming the DTO as a value keeps its import a value one: the ValidationPipe needs the class at run time.
  @ApiBody({ type: IssueKeyRequestDto })
  @ApiCreatedResponse({ type: IssuedKeyDto })
  @ApiProblemResponses([
    [400, '`request.validation_failed`'],
    [409, '`key.exists`: an active key has this name'],
  ])
  async issue(@Body() body: IssueKeyRequestDto, @Principal() actor: AuthPrincipal): Promise<IssuedKeyDto> {
    const { record, key } = await this.keys.issue(body.name, body.roles, actor.name);
    return { name: record.name, roles: record.roles, key, issuedAt: record.issuedAt };
  }

  @Get()
  @ApiOperation({ summary: 'List API keys, active and revoked (never their keys or hashes)' })
  @ApiOkResponse({ type: KeyListDto })
  list(): KeyListDto {
    return {
      items: this.keys.list().map((k) => ({
        name: k.name,
        roles: k.roles,
        status: k.revokedAt ? 'revoked' : 'active',
        issuedAt: k.issuedAt,
        issuedBy: k.issuedBy,
        revokedAt: k.revokedAt ?? null,
        revokedBy: k.revokedBy ?? null,
      })),
    };
  }

  @Delete(':name')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an API key', description: 'Takes effect at once, on every replica.' })
  @ApiParam({ name: 'name', example: 'membership-portal' })
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiProblemResponses([
    [404, '`key.not_found`: no active key has this name'],
    [409, '`key.last_admin`: it is the last active admin key'],
  ])
  async revoke(@Param('name') name: string, @Principal() actor: AuthPrincipal): Promise<void> {
    await this.keys.revoke(name, actor.name);
  }
}

export { AuthModule } from './auth.module';
export { ApiKeysService } from './api-keys.service';
export { Authenticated, PublicRead, RequireRoles } from './roles.decorator';
export { Principal } from './principal.decorator';
export { ROLES, type AuthPrincipal, type Role } from './roles';

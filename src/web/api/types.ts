// Types only (erased at build): the web client speaks the server's own response schemas.

export type { Locale, Role } from '../../domain/vocabulary';
export type {
  CreateTeamRequest,
  Team,
  UpdateTeamRequest,
} from '../../server/modules/teams/teams.schema';
export type {
  CreateUserRequest,
  UpdateUserRequest,
  User,
} from '../../server/modules/users/users.schema';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

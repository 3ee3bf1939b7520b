import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock, DomainError, forbidden, isDuplicateKey, notFound, ROLES, validationFailed, type Caller, type Role } from '@pendamping/platform';
import { RegionsService } from '@pendamping/regions';
import { TokenVersions } from '../auth/token-versions.service';
import { EntrepreneurProfile } from '../entities/entrepreneur-profile.entity';
import { MentorKelurahan } from '../entities/mentor-kelurahan.entity';
import { MentorProfile } from '../entities/mentor-profile.entity';
import { User } from '../entities/user.entity';
import { IdentityErrors } from '../identity.errors';
import type { UpdateUserDto } from './profile.dto';
import { ProfileService } from './profile.service';
import type { SetRolesDto, UserView } from './user.dto';
import { UsersService } from './users.service';

/**
 * Admins managing other people's accounts: correct details, disable, enable, change roles. Disabling and
 * changing roles raise the account's token version, so the person's tokens and sockets end at once on every node.
 */
@Injectable()
export class AccountsService {
  private readonly logger = new Logger(AccountsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly profile: ProfileService,
    private readonly regions: RegionsService,
    private readonly versions: TokenVersions,
    private readonly clock: Clock,
  ) {}

  /**
   * An admin correcting someone's details, under the same row locks as the other account changes (the
   * caller must still be an admin when it is written). The log names who changed which fields, never the
   * values (they are personal data). Tokens stay valid: they carry no email, name or zone.
   */
  async update(caller: Caller, userId: string, dto: UpdateUserDto): Promise<UserView> {
    const { email, organization, ...details } = dto;
    try {
      await this.dataSource.transaction(async (em) => {
        await this.locked(em, caller, userId);
        const change = await this.profile.plan(userId, details);
        if (email !== undefined) change.user.email = email;
        if (organization !== undefined) change.user.organization = organization;
        await this.profile.write(em, userId, change);
        const fields = [...Object.keys(change.user), ...Object.keys(change.business).map((f) => `business.${f}`)];
        if (fields.length > 0) this.logger.log({ adminId: caller.id, userId, fields }, 'an admin changed account details');
      });
    } catch (error) {
      if (isDuplicateKey(error)) throw new DomainError('EMAIL_TAKEN', 'An account with this email already exists');
      throw error;
    }
    return this.users.view(userId);
  }

  async disable(caller: Caller, userId: string): Promise<UserView> {
    if (userId === caller.id) throw IdentityErrors.notYourself('disable');
    const raised = await this.dataSource.transaction(async (em) => {
      const user = await this.locked(em, caller, userId);
      // Disabling twice changes nothing (the first one already ended the tokens).
      return user.disabledAt ? undefined : this.versions.raise(em, userId, { disabledAt: this.clock.now() });
    });
    if (raised) await this.versions.announce(userId, raised.tokenVersion);
    return this.users.view(userId);
  }

  /** The person may sign in again; tokens ended by the disable stay ended. */
  async enable(userId: string): Promise<UserView> {
    const result = await this.dataSource.getRepository(User).update({ id: userId }, { disabledAt: null });
    if (!result.affected) throw notFound('User');
    return this.users.view(userId);
  }

  async setRoles(caller: Caller, userId: string, dto: SetRolesDto): Promise<UserView> {
    if (userId === caller.id && !dto.roles.includes('admin')) throw IdentityErrors.notYourself('remove the admin role from');
    const roles = ROLES.filter((role) => dto.roles.includes(role));
    await this.assertKnownKelurahan(dto);
    const raised = await this.dataSource.transaction(async (em) => {
      const user = await this.locked(em, caller, userId);
      const { hasMentor } = await this.assertProfilesFit(em, userId, roles, dto);
      await this.users.saveProfiles(em, userId, { business: dto.business, mentor: hasMentor ? undefined : dto.mentor });
      if (hasMentor && dto.mentor) await this.replaceAssignment(em, userId, dto.mentor);
      if (sameRoles(user.roles, roles)) return undefined;
      return this.versions.raise(em, userId, { roles });
    });
    if (raised) await this.versions.announce(userId, raised.tokenVersion);
    return this.users.view(userId);
  }

  /**
   * Locks the admin's and the target's rows (in id order, so two admins acting on each other queue instead
   * of deadlocking) and checks that the caller is still an admin: of two admins removing each other at
   * once, the second finds it has lost the right, so an admin always remains.
   */
  private async locked(em: EntityManager, caller: Caller, userId: string): Promise<User> {
    const rows = await em
      .getRepository(User)
      .createQueryBuilder('u')
      .where('u.id IN (:...ids)', { ids: [caller.id, userId] })
      .orderBy('u.id')
      .setLock('pessimistic_write')
      .getMany();
    const admin = rows.find((row) => row.id === caller.id);
    if (!admin?.roles.includes('admin') || admin.disabledAt) throw forbidden('This needs the admin role');
    const user = rows.find((row) => row.id === userId);
    if (!user) throw notFound('User');
    return user;
  }

  /** A mentor who has a profile: `mentor` given here replaces their kelurahan and topics. */
  private async replaceAssignment(em: EntityManager, mentorId: string, mentor: NonNullable<SetRolesDto['mentor']>): Promise<void> {
    await em.update(MentorProfile, { userId: mentorId }, { topics: mentor.topics });
    await em.delete(MentorKelurahan, { mentorId });
    await em.insert(MentorKelurahan, mentor.kelurahanCodes.map((kelurahanCode) => ({ mentorId, kelurahanCode })));
  }

  /**
   * A mentor or entrepreneur role needs its profile: the one the person has, or one given here. A business
   * is given once (PATCH changes it); a mentor's assignment may be given again, and then replaces the one they have.
   */
  private async assertProfilesFit(em: EntityManager, userId: string, roles: Role[], dto: SetRolesDto): Promise<{ hasMentor: boolean }> {
    const [hasBusiness, hasMentor] = await Promise.all([em.existsBy(EntrepreneurProfile, { userId }), em.existsBy(MentorProfile, { userId })]);
    const problems: string[] = [];
    const check = (role: Role, field: 'business' | 'mentor', has: boolean) => {
      if (roles.includes(role) && !has && !dto[field]) problems.push(`${field} is required for the ${role} role`);
      if (dto[field] && !roles.includes(role)) problems.push(`${field} is only allowed with the ${role} role`);
      else if (field === 'business' && dto.business && has) problems.push('business: this person already has one (change it with PATCH /api/users/:id)');
    };
    check('entrepreneur', 'business', hasBusiness);
    check('mentor', 'mentor', hasMentor);
    if (problems.length > 0) throw validationFailed(...problems);
    return { hasMentor };
  }

  private async assertKnownKelurahan(dto: SetRolesDto): Promise<void> {
    const [businessUnknown, mentorUnknown] = await Promise.all([
      this.regions.unknownKelurahan(dto.business ? [dto.business.kelurahanCode] : []),
      this.regions.unknownKelurahan(dto.mentor?.kelurahanCodes ?? []),
    ]);
    const problems = [
      ...(businessUnknown.length > 0 ? [`business.kelurahanCode ${businessUnknown[0]} is not a known kelurahan`] : []),
      ...(mentorUnknown.length > 0 ? [`mentor.kelurahanCodes has unknown kelurahan: ${mentorUnknown.join(', ')}`] : []),
    ];
    if (problems.length > 0) throw validationFailed(...problems);
  }
}

const sameRoles = (a: Role[], b: Role[]) => a.length === b.length && a.every((role) => b.includes(role));

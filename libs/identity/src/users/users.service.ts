import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError, isDuplicateKey, newId, notFound, validationFailed, type Role } from '@pendamping/platform';
import { RegionsService } from '@pendamping/regions';
import { PasswordService } from '../auth/password.service';
import { EntrepreneurProfile } from '../entities/entrepreneur-profile.entity';
import { MentorKelurahan } from '../entities/mentor-kelurahan.entity';
import { MentorProfile } from '../entities/mentor-profile.entity';
import { User } from '../entities/user.entity';
import { toE164, type BusinessDto, type CreateUserDto, type MentorDto, type UserView } from './user.dto';

export type NewUser = Omit<CreateUserDto, 'business' | 'mentor'> & { business?: BusinessDto; mentor?: MentorDto };

@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly regions: RegionsService,
    private readonly passwords: PasswordService,
  ) {}

  /** Creates the user and its profiles in one transaction; the unique email key settles races. */
  async create(input: NewUser): Promise<UserView> {
    await this.assertProfilesFitRoles(input);
    const passwordHash = await this.passwords.hash(input.password);
    try {
      const id = await this.dataSource.transaction(async (em) => {
        const user = await em.save(
          em.create(User, {
            id: newId(),
            email: input.email.trim().toLowerCase(),
            passwordHash,
            name: input.name,
            phone: input.phone ? toE164(input.phone) : null,
            organization: input.organization ?? null,
            roles: input.roles,
            locale: input.locale ?? 'id',
          }),
        );
        await this.saveProfiles(em, user.id, input);
        return user.id;
      });
      return this.view(id);
    } catch (error) {
      if (isDuplicateKey(error)) throw new DomainError('EMAIL_TAKEN', 'An account with this email already exists');
      throw error;
    }
  }

  async view(id: string): Promise<UserView> {
    // One query: findOne with a to-many relation adds a DISTINCT pre-query for its LIMIT 1 (every /api/me).
    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .leftJoinAndSelect('u.business', 'b')
      .leftJoinAndSelect('u.mentor', 'm')
      .leftJoinAndSelect('u.kelurahan', 'k')
      .where('u.id = :id', { id })
      .getOne();
    if (!user) throw notFound('User');
    return toView(user);
  }

  /** Loads the account with its password hash, for signing in. */
  findForLogin(email: string): Promise<User | null> {
    return this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email })
      .getOne();
  }

  /** How many accounts hold the admin role, and how many do not. */
  async countAccounts(): Promise<{ admins: number; others: number }> {
    const [row] = await this.dataSource.query(
      "SELECT COALESCE(SUM(FIND_IN_SET('admin', roles) > 0), 0) AS admins, COALESCE(SUM(FIND_IN_SET('admin', roles) = 0), 0) AS others FROM users",
    );
    return { admins: Number(row.admins), others: Number(row.others) };
  }

  /** The first admin comes from ADMIN_EMAIL / ADMIN_PASSWORD when no admin exists yet. */
  async ensureFirstAdmin(admin: { email: string; password: string } | undefined): Promise<'created' | 'exists' | 'not-configured'> {
    if ((await this.countAccounts()).admins > 0) return 'exists';
    if (!admin) return 'not-configured';
    try {
      await this.create({ email: admin.email.toLowerCase(), password: admin.password, name: 'Admin Dinas', roles: ['admin'] });
    } catch (error) {
      // Another process created it first, or the email belongs to a non-admin: say so, never overwrite.
      if (!(error instanceof DomainError && error.code === 'EMAIL_TAKEN')) throw error;
      this.logger.warn('ADMIN_EMAIL belongs to an existing account that is not an admin; no admin was created');
      return 'exists';
    }
    this.logger.log('Created the first admin account from ADMIN_EMAIL');
    return 'created';
  }

  private async assertProfilesFitRoles(input: NewUser): Promise<void> {
    const has = (role: Role) => input.roles.includes(role);
    const problems: string[] = [];
    if (has('entrepreneur') && !input.business) problems.push('business is required for the entrepreneur role');
    if (!has('entrepreneur') && input.business) problems.push('business is only allowed with the entrepreneur role');
    if (has('mentor') && !input.mentor) problems.push('mentor is required for the mentor role');
    if (!has('mentor') && input.mentor) problems.push('mentor is only allowed with the mentor role');
    if (problems.length > 0) throw validationFailed(...problems);

    const [businessUnknown, mentorUnknown] = await Promise.all([
      this.regions.unknownKelurahan(input.business ? [input.business.kelurahanCode] : []),
      this.regions.unknownKelurahan(input.mentor?.kelurahanCodes ?? []),
    ]);
    if (businessUnknown.length > 0) problems.push(`business.kelurahanCode ${businessUnknown[0]} is not a known kelurahan`);
    if (mentorUnknown.length > 0) problems.push(`mentor.kelurahanCodes has unknown kelurahan: ${mentorUnknown.join(', ')}`);
    if (problems.length > 0) throw validationFailed(...problems);
  }

  /** The business and mentor profiles `input` brings, for a new account or a new role. */
  async saveProfiles(em: EntityManager, userId: string, input: Pick<NewUser, 'business' | 'mentor'>): Promise<void> {
    if (input.business) {
      const { name, type, kelurahanCode } = input.business;
      await em.insert(EntrepreneurProfile, { userId, businessName: name, businessType: type, kelurahanCode });
    }
    if (input.mentor) {
      await em.insert(MentorProfile, { userId, topics: input.mentor.topics });
      await em.insert(
        MentorKelurahan,
        input.mentor.kelurahanCodes.map((kelurahanCode) => ({ mentorId: userId, kelurahanCode })),
      );
    }
  }
}

export function toView(user: User): UserView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    roles: user.roles,
    locale: user.locale,
    timezone: user.timezone,
    phone: user.phone,
    organization: user.organization,
    disabled: user.disabledAt !== null,
    ...(user.business && {
      business: { name: user.business.businessName, type: user.business.businessType, kelurahanCode: user.business.kelurahanCode },
    }),
    ...(user.mentor && {
      mentor: { kelurahanCodes: (user.kelurahan ?? []).map((k) => k.kelurahanCode).sort(), topics: user.mentor.topics },
    }),
  };
}

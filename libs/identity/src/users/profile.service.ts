import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError, notFound, validationFailed } from '@pendamping/platform';
import { RegionsService } from '@pendamping/regions';
import { AuthService } from '../auth/auth.service';
import { LoginThrottle } from '../auth/login-throttle.service';
import { PasswordService } from '../auth/password.service';
import { TokenVersions } from '../auth/token-versions.service';
import { EntrepreneurProfile } from '../entities/entrepreneur-profile.entity';
import { User } from '../entities/user.entity';
import type { ChangePasswordDto, UpdateMeDto } from './profile.dto';
import { toE164, type UserView } from './user.dto';
import { UsersService } from './users.service';

export interface DetailsChange {
  user: Partial<User>;
  business: Partial<EntrepreneurProfile>;
}

/** A person editing their own account: details, business, language, password. */
@Injectable()
export class ProfileService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly regions: RegionsService,
    private readonly passwords: PasswordService,
    private readonly throttle: LoginThrottle,
    private readonly auth: AuthService,
    private readonly versions: TokenVersions,
  ) {}

  async update(userId: string, dto: UpdateMeDto): Promise<UserView> {
    const plan = await this.plan(userId, dto);
    await this.dataSource.transaction((em) => this.write(em, userId, plan));
    return this.users.view(userId);
  }

  /** The columns a change of details writes (PATCH /api/me, and an admin's PATCH /api/users/:id), checked. */
  async plan(userId: string, dto: UpdateMeDto): Promise<DetailsChange> {
    const business = dto.business ? await this.checkedBusiness(userId, dto.business) : {};
    const user = {
      ...(dto.name !== undefined && { name: dto.name }),
      ...(dto.phone !== undefined && { phone: dto.phone === null ? null : toE164(dto.phone) }),
      ...(dto.timezone !== undefined && { timezone: dto.timezone }),
      // The one place the language lives: notifications and the calendar feed read it from the account.
      ...(dto.locale !== undefined && { locale: dto.locale }),
    };
    return { user, business };
  }

  async write(em: EntityManager, userId: string, change: DetailsChange): Promise<void> {
    if (Object.keys(change.user).length > 0) await em.update(User, { id: userId }, change.user);
    if (Object.keys(change.business).length > 0) await em.update(EntrepreneurProfile, { userId }, change.business);
  }

  /**
   * Checks the current password (wrong ones count as failed sign-ins of the account, so a borrowed
   * token cannot be used to guess it), stores the new one and ends every token issued before, on every
   * device; answers a fresh token so this device stays signed in.
   */
  async changePassword(userId: string, dto: ChangePasswordDto, ip: string): Promise<string> {
    const user = await this.dataSource.getRepository(User).createQueryBuilder('u').addSelect('u.passwordHash').where('u.id = :userId', { userId }).getOne();
    if (!user) throw notFound('User');
    if (dto.newPassword === dto.currentPassword) throw validationFailed('newPassword must differ from currentPassword');
    await this.throttle.consume(user.email, ip);
    if (!(await this.passwords.verify(user.passwordHash, dto.currentPassword))) {
      throw new DomainError('WRONG_PASSWORD', 'The current password is wrong');
    }
    await this.throttle.succeeded(user.email, ip);
    const passwordHash = await this.passwords.hash(dto.newPassword);
    const { tokenVersion, roles } = await this.dataSource.transaction((em) => this.versions.raise(em, userId, { passwordHash }));
    await this.versions.announce(userId, tokenVersion);
    return this.auth.issue({ id: userId, roles }, tokenVersion);
  }

  /** The business columns to change, after checking the caller has a business and the kelurahan exists. */
  private async checkedBusiness(userId: string, dto: NonNullable<UpdateMeDto['business']>): Promise<Partial<EntrepreneurProfile>> {
    if (!(await this.dataSource.getRepository(EntrepreneurProfile).existsBy({ userId }))) {
      throw validationFailed('business is only allowed with the entrepreneur role');
    }
    if (dto.kelurahanCode !== undefined && (await this.regions.unknownKelurahan([dto.kelurahanCode])).length > 0) {
      throw validationFailed(`business.kelurahanCode ${dto.kelurahanCode} is not a known kelurahan`);
    }
    return {
      ...(dto.name !== undefined && { businessName: dto.name }),
      ...(dto.type !== undefined && { businessType: dto.type }),
      ...(dto.kelurahanCode !== undefined && { kelurahanCode: dto.kelurahanCode }),
    };
  }
}

import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@pendamping/platform';
import { RegionsModule } from '@pendamping/regions';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './auth/auth.guard';
import { AuthService } from './auth/auth.service';
import { LoginThrottle } from './auth/login-throttle.service';
import { PasswordService } from './auth/password.service';
import { TokenVersions } from './auth/token-versions.service';
import { identityEntities } from './identity.entities';
import { AccountsController } from './users/accounts.controller';
import { AccountsService } from './users/accounts.service';
import { ProfileService } from './users/profile.service';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';
import { UserDirectory } from './users/user-directory';

@Module({
  imports: [
    TypeOrmModule.forFeature(identityEntities),
    RegionsModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // A KeyObject: given a string, jsonwebtoken re-parses the secret on every verify.
        secret: createSecretKey(Buffer.from(config.jwt.secret)),
        signOptions: { expiresIn: config.jwt.ttlSeconds, algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController, UsersController, AccountsController],
  providers: [PasswordService, LoginThrottle, TokenVersions, AuthService, UsersService, ProfileService, AccountsService, UserDirectory, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService, UsersService],
})
export class IdentityModule {}

import { EntrepreneurProfile } from './entities/entrepreneur-profile.entity';
import { MentorKelurahan } from './entities/mentor-kelurahan.entity';
import { MentorProfile } from './entities/mentor-profile.entity';
import { User } from './entities/user.entity';

export const identityEntities = [User, EntrepreneurProfile, MentorProfile, MentorKelurahan];

import { z } from 'zod';
import { channel, type ChannelDef } from '../ipc';
import type { userChannels } from './channels';
import { User, UserCreate, UserListQuery, UserResetPassword, UserSetActive, UserUpdate } from './schemas';

export const userContract = {
  'users.list': channel('query', UserListQuery, z.array(User)),
  'users.create': channel('write', UserCreate, User),
  'users.update': channel('write', UserUpdate, User),
  'users.setActive': channel('write', UserSetActive, User),
  'users.resetPassword': channel('write', UserResetPassword, User),
} satisfies { [K in (typeof userChannels)[number]]: ChannelDef };

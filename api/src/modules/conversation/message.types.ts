import { ConnectionType } from '../../platform/graphql/pagination.js';
import { Message } from './message.entity.js';

export const MessageConnection = ConnectionType('Message', Message);

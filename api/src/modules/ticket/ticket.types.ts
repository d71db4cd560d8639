import { ConnectionType } from '../../platform/graphql/pagination.js';
import { Ticket } from './ticket.entity.js';

export const TicketConnection = ConnectionType('Ticket', Ticket);

import { useViewer } from '../../../app/viewer';
import { PortalPage } from '../../portal/components/PortalPage';
import { TicketListPage } from './TicketListPage';

/** `/tickets`: the list for staff, "your tickets" for customers. */
export function TicketsPage() {
  return useViewer().isCustomer ? <PortalPage /> : <TicketListPage />;
}

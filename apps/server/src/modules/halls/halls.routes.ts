import { hallRoutes as r } from '@jing/contracts';
import { bind, type RouteBinding } from '../../platform/http/binding.ts';
import type { HallService } from './halls.service.ts';
import type { HallQueue } from './queue.service.ts';

export function hallBindings(halls: HallService, queue: HallQueue): RouteBinding[] {
  return [
    bind(r.list, async ({ query }) => ({ items: await halls.list(query) })),
    bind(r.get, ({ params }) => halls.get(params.id)),
    bind(r.create, ({ caller, body }) => halls.create(caller, body)),
    bind(r.update, ({ caller, params, body }) => halls.update(caller, params.id, body)),
    bind(r.addWindow, ({ caller, params, body }) => halls.addWindow(caller, params.id, body)),
    bind(r.updateWindow, ({ caller, params, body }) => halls.updateWindow(caller, params.id, body)),
    bind(r.slots, ({ params, query }) => halls.slots(params.id, query.date)),
    bind(r.setSlotCapacity, ({ caller, params, body }) => halls.setSlotCapacity(caller, params.id, body)),
    bind(r.book, ({ caller, params, body }) => halls.book(caller, params.id, body)),
    bind(r.myAppointments, async ({ caller }) => ({ items: await halls.myAppointments(caller) })),
    bind(r.cancel, ({ caller, params, body }) => halls.cancel(caller, params.id, body.version)),
    bind(r.takeTicket, ({ caller, params, body }) => queue.takeTicket(caller, params.id, body)),
    bind(r.myTickets, async ({ caller }) => ({ items: await queue.myTickets(caller) })),
    bind(r.ticket, ({ caller, params }) => queue.ticket(caller, params.id)),
    bind(r.screen, ({ params }) => queue.screen(params.id)),
    bind(r.queue, ({ caller, params }) => queue.queue(caller, params.id)),
    bind(r.callNext, ({ caller, params }) => queue.callNext(caller, params.id)),
    bind(r.visit, ({ caller, params }) => queue.visit(caller, params.id)),
    bind(r.serve, ({ caller, params, body }) => queue.serve(caller, params.id, body.version)),
    bind(r.finish, ({ caller, params, body }) => queue.finish(caller, params.id, body.version)),
    bind(r.noShow, ({ caller, params, body }) => queue.noShow(caller, params.id, body.version)),
    bind(r.linkApplication, ({ caller, params, body }) => queue.linkApplication(caller, params.id, body.version, body.applicationId)),
  ];
}

import type { BodyOf, hallRoutes, ResponseOf } from '@jing/contracts';
import { api, seg } from '../../shared/api/index.ts';

type Routes = typeof hallRoutes;
export type HallSummary = ResponseOf<Routes['list']>['items'][number];
export type Hall = ResponseOf<Routes['get']>;
export type HallWindow = Hall['windows'][number];
export type SlotDay = ResponseOf<Routes['slots']>;
export type Appointment = ResponseOf<Routes['book']>;
export type Ticket = ResponseOf<Routes['takeTicket']>;
export type Visit = ResponseOf<Routes['callNext']>;
export type HallScreen = ResponseOf<Routes['screen']>;
export type HallQueue = ResponseOf<Routes['queue']>;

/** 政务服务大厅 of the city, optionally within a unit's subtree. */
export async function listHalls(within?: string, signal?: AbortSignal): Promise<HallSummary[]> {
  return (await api.get<ResponseOf<Routes['list']>>('/api/v1/halls', { query: { within }, signal })).items;
}

export function getHall(id: string, signal?: AbortSignal): Promise<Hall> {
  return api.get<Hall>(`/api/v1/halls/${seg(id)}`, { signal });
}

export function getSlots(id: string, date: string, signal?: AbortSignal): Promise<SlotDay> {
  return api.get<SlotDay>(`/api/v1/halls/${seg(id)}/slots`, { query: { date }, signal });
}

/** 预约: a full slot answers 409 (`details.reason` `slot_full`), a second booking `already_booked`. */
export function book(id: string, body: BodyOf<Routes['book']>): Promise<Appointment> {
  return api.post<Appointment>(`/api/v1/halls/${seg(id)}/appointments`, body);
}

export async function myAppointments(signal?: AbortSignal): Promise<Appointment[]> {
  return (await api.get<ResponseOf<Routes['myAppointments']>>('/api/v1/halls/appointments/mine', { signal })).items;
}

export function cancelAppointment(id: string, version: number): Promise<Appointment> {
  return api.post<Appointment>(`/api/v1/halls/appointments/${seg(id)}/cancel`, { version });
}

/** 取号 on arrival: with the appointment code, or as a walk-in for an item. */
export function takeTicket(hallId: string, body: BodyOf<Routes['takeTicket']>): Promise<Ticket> {
  return api.post<Ticket>(`/api/v1/halls/${seg(hallId)}/tickets`, body);
}

export async function myTickets(signal?: AbortSignal): Promise<Ticket[]> {
  return (await api.get<ResponseOf<Routes['myTickets']>>('/api/v1/halls/tickets/mine', { signal })).items;
}

export function getTicket(id: string, signal?: AbortSignal): Promise<Ticket> {
  return api.get<Ticket>(`/api/v1/halls/tickets/${seg(id)}`, { signal });
}

export function getScreen(id: string, signal?: AbortSignal): Promise<HallScreen> {
  return api.get<HallScreen>(`/api/v1/halls/${seg(id)}/screen`, { signal });
}

export function getQueue(id: string, signal?: AbortSignal): Promise<HallQueue> {
  return api.get<HallQueue>(`/api/v1/halls/${seg(id)}/queue`, { signal });
}

/** 叫号: the next ticket the window serves; 409 `no_waiting` or `window_busy`. */
export function callNext(windowId: string): Promise<Visit> {
  return api.post<Visit>(`/api/v1/halls/windows/${seg(windowId)}/call-next`);
}

export function getVisit(id: string, signal?: AbortSignal): Promise<Visit> {
  return api.get<Visit>(`/api/v1/halls/visits/${seg(id)}`, { signal });
}

export type VisitStep = 'serve' | 'finish' | 'no-show';
export function visitStep(id: string, step: VisitStep, version: number): Promise<Visit> {
  return api.post<Visit>(`/api/v1/halls/visits/${seg(id)}/${step}`, { version });
}

export function linkApplication(id: string, version: number, applicationId: string): Promise<Visit> {
  return api.post<Visit>(`/api/v1/halls/visits/${seg(id)}/application`, { version, applicationId });
}

export function updateHall(id: string, body: BodyOf<Routes['update']>): Promise<Hall> {
  return api.patch<Hall>(`/api/v1/halls/${seg(id)}`, body);
}

export function addWindow(hallId: string, body: BodyOf<Routes['addWindow']>): Promise<HallWindow> {
  return api.post<HallWindow>(`/api/v1/halls/${seg(hallId)}/windows`, body);
}

export function updateWindow(id: string, body: BodyOf<Routes['updateWindow']>): Promise<HallWindow> {
  return api.patch<HallWindow>(`/api/v1/halls/windows/${seg(id)}`, body);
}

export function setSlotCapacity(hallId: string, body: BodyOf<Routes['setSlotCapacity']>) {
  return api.put<ResponseOf<Routes['setSlotCapacity']>>(`/api/v1/halls/${seg(hallId)}/slots`, body);
}

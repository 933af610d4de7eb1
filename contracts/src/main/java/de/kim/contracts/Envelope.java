package de.kim.contracts;

import java.time.Instant;

/**
 * The versioned envelope every integration event travels in on Kafka, modelled on the
 * CloudEvents attributes. The record key is {@link #aggregateId()}, so events of one
 * aggregate stay in order.
 *
 * @param id          unique id of the event; consumers deduplicate on it
 * @param type        stable type name, e.g. {@code kim.case.CaseOpened}
 * @param version     version of the payload shape of that type
 * @param source      the publishing service, e.g. {@code case-service}
 * @param tenant      the Kommune the event belongs to, e.g. {@code kreis-mettmann}
 * @param actor       id of the acting user (never a name)
 * @param aggregateId id of the aggregate that emitted the event
 * @param sequence    the event's sequence number within its aggregate, from 0
 * @param time        when the event happened
 * @param data        the payload, one of the records of this module
 */
public record Envelope<T>(String id, String type, int version, String source, String tenant, String actor,
                          String aggregateId, long sequence, Instant time, T data) {
}

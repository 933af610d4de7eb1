package de.kim.cases.command;

import de.kim.cases.api.CaseAccess;
import de.kim.cases.api.CompleteFollowUpCommand;
import de.kim.cases.api.EraseClientCommand;
import de.kim.cases.api.ExpireConsentCommand;
import de.kim.cases.api.RecordReferralAnswerCommand;
import de.kim.cases.api.RecordResidenceLinkAnswerCommand;
import de.kim.cases.api.RecordStatusCheckAnswerCommand;
import de.kim.cases.api.ReopenCaseCommand;
import de.kim.cases.api.RevokeConsentCommand;
import de.kim.cases.api.SetErasureBlockCommand;
import de.kim.cases.api.WithdrawReferralCommand;
import de.kim.platform.domain.Actor;
import de.kim.platform.domain.ConflictException;
import de.kim.platform.domain.NotFoundException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.NoHandlerForCommandException;

import java.util.Set;

/**
 * The check every command to an existing case passes before its handler runs, on the root or on
 * one of its parts ({@link CaseAggregate#admit}): the case must be one the sender may work, and
 * in a state that takes the command. A command not listed here needs an open case.
 */
final class CaseGuard {

    /**
     * Commands that also reach a closed or erased case: the end of a consent and a partner's answer
     * still have to reach the recipients, a due follow-up can still be done, and the office's answers
     * to a status check or a link still arrive.
     */
    private static final Set<Class<?>> ANY_STATE = Set.of(RevokeConsentCommand.class, ExpireConsentCommand.class,
            WithdrawReferralCommand.class, RecordReferralAnswerCommand.class, CompleteFollowUpCommand.class,
            RecordStatusCheckAnswerCommand.class, RecordResidenceLinkAnswerCommand.class);

    /** Commands that also reach a closed case whose client's data is not erased. */
    private static final Set<Class<?>> CLOSED_TOO = Set.of(ReopenCaseCommand.class, EraseClientCommand.class,
            SetErasureBlockCommand.class);

    private CaseGuard() {
    }

    /**
     * Refuses a command the case does not take. Another tenant's case, and for a plain case
     * manager one not assigned to them, is "not found", so no one learns that it exists; an
     * erased or closed case answers with a conflict. A command that names no actor finds no
     * handler, as a handler that takes the actor would not match it.
     */
    static void admit(CommandMessage<?> command, String tenant, String assignee, boolean closed, boolean erased) {
        Actor actor = Actor.fromMetaData(command.getMetaData())
                .orElseThrow(() -> new NoHandlerForCommandException(command));
        if (!tenant.equals(command.getMetaData().get(Actor.TENANT)) || !CaseAccess.mayWork(actor, assignee)) {
            throw new NotFoundException("case.not-found");
        }
        Class<?> type = command.getPayloadType();
        if (ANY_STATE.contains(type)) {
            return;
        }
        if (erased) {
            throw new ConflictException("case.erased");
        }
        if (closed && !CLOSED_TOO.contains(type)) {
            throw new ConflictException("case.closed");
        }
    }
}

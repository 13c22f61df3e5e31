import { Button } from '@mantine/core';
import { useState } from 'react';
import type { Enrolment } from '../../../../shared/programmes/schemas';
import { EnrolModal } from './EnrolModal';
import { StageModal } from './StageModal';

/**
 * The dialogs of a workshop's or an ensemble's members: enrolling participants (`openEnrol`)
 * and changing one's stage or part from the button of its row (`stageButton`, named after
 * the participant). `modals`: where the page renders them, once the group is read.
 */
export function useMemberDialogs(kind: 'workshop' | 'ensemble', group: { id: number; name: string; establishmentId: number } | null) {
  const [enrolOpen, setEnrolOpen] = useState(false);
  const [staging, setStaging] = useState<Enrolment | null>(null);
  return {
    openEnrol: () => setEnrolOpen(true),
    stageButton: (e: Enrolment, label: string) => (
      <Button size="compact-xs" variant="subtle" onClick={() => setStaging(e)} aria-label={`${label}: ${e.participantCode}`}>
        {label}
      </Button>
    ),
    modals: group && (
      <>
        <EnrolModal
          opened={enrolOpen}
          onClose={() => setEnrolOpen(false)}
          group={{ kind, id: group.id, name: group.name, establishmentId: group.establishmentId }}
        />
        <StageModal enrolment={staging} onClose={() => setStaging(null)} />
      </>
    ),
  };
}

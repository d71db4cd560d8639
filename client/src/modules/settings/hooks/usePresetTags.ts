import { useQuery } from '@apollo/client/react';
import { useViewer } from '../../../app/viewer';
import { PresetTagsDocument } from '../../../generated/graphql';

/** The workspace's preset tags (staff only; customers never tag). */
export function usePresetTags(): string[] {
  const viewer = useViewer();
  const { data } = useQuery(PresetTagsDocument, { skip: !viewer.isStaff });
  return data?.presetTags ?? [];
}

import { fuzzChannels } from '../../helpers/fuzz';

// Every IPC channel with at least 1,000 random payloads: no crash, no write (see tests/helpers/fuzz.ts).
fuzzChannels(0);

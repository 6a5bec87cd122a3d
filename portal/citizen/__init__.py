"""The citizen's pages: start page, contract, talks, joblog, CV, rights and duties."""

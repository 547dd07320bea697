"""stub"""
def extract_organisations(doc):
    return ()

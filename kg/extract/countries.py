"""stub"""
def extract_countries(doc):
    return ()
